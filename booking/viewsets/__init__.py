"""The front desk's side of consultation requests in the Wagtail admin (registered in ``wagtail_hooks``).

- "Consultation requests": the list (new and urgent requests stand out), filters, search, a detail
  page, editing of the front desk's own fields, XLSX/CSV export of the filtered list, the
  "send confirmation" button and a small report. Nobody adds requests here: they come from patients.
- "Request audit log": every view, change, export, deletion and confirmation, for managers.

Access comes from Django permissions given to groups by a data migration: ``view``/``change`` to work
requests, the custom ``export`` permission to download them, ``delete`` for managers only. Every page
that shows a request's details writes an audit entry (``booking.audit``).

Modules, each imported directly: ``requests`` (the viewset, its URLs, sidebar item and dashboard panel),
``listing`` (the list, its columns and downloads), ``detail`` (detail, edit, delete, send confirmation),
``report``, ``audit_log`` and ``permissions``.
"""
