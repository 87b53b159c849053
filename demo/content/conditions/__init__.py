"""The condition pages, one module each, in the order they are listed on the site."""

from . import cervicogenic_headache, migraine, neck_pain, sciatica, tension_type_headache

CONDITIONS = [
    neck_pain.CONDITION,
    tension_type_headache.CONDITION,
    cervicogenic_headache.CONDITION,
    migraine.CONDITION,
    sciatica.CONDITION,
]
