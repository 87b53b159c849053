"""The demo illustrations, drawn with Pillow; ``demo.images`` picks one and renders it.

- ``canvas``: colours, the supersampled ``Canvas`` and the shapes several drawings share.
- ``anatomy``: necks, heads and the practitioners' portraits.
- ``treatment``: needles and cupping.
- ``scenes``: the treatment room and the abstract backgrounds.

Every drawing is a function ``draw_…(canvas, palette, rng)``; it must use ``rng`` for anything random,
so the same arguments always give the same picture.
"""
