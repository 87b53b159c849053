"""Published sources the demo articles cite, each checked against the publisher's or PubMed's record.

Authors, title, journal or publisher, year, DOI and PubMed id are as those records give them; no
identifier was guessed. Articles list the ones they cite under ``"references"`` and mark each claim with
its number, ``[1]``, in the order of that list.
"""

CHRONIC_PAIN_IPD_2018 = {
    "authors": "Vickers AJ, Vertosick EA, Lewith G, MacPherson H, Foster NE, Sherman KJ, Irnich D, "
    "Witt CM, Linde K; Acupuncture Trialists’ Collaboration",
    "title": "Acupuncture for chronic pain: update of an individual patient data meta-analysis",
    "source": "The Journal of Pain",
    "year": 2018,
    "doi": "10.1016/j.jpain.2017.11.005",
    "pubmed_id": "29198932",
    "url": "",
}
TENSION_HEADACHE_COCHRANE_2016 = {
    "authors": "Linde K, Allais G, Brinkhaus B, Fei Y, Mehring M, Shin BC, Vickers A, White AR",
    "title": "Acupuncture for the prevention of tension-type headache",
    "source": "Cochrane Database of Systematic Reviews",
    "year": 2016,
    "doi": "10.1002/14651858.CD007587.pub2",
    "pubmed_id": "27092807",
    "url": "",
}
NICE_HEADACHES_CG150 = {
    "authors": "",
    "title": "Headaches in over 12s: diagnosis and management (clinical guideline CG150)",
    "source": "National Institute for Health and Care Excellence (NICE)",
    "year": 2012,
    "doi": "",
    "pubmed_id": "",
    "url": "https://www.nice.org.uk/guidance/cg150",
}
NICE_CHRONIC_PAIN_NG193 = {
    "authors": "",
    "title": "Chronic pain (primary and secondary) in over 16s: assessment of all chronic pain and "
    "management of chronic primary pain (NICE guideline NG193)",
    "source": "National Institute for Health and Care Excellence (NICE)",
    "year": 2021,
    "doi": "",
    "pubmed_id": "",
    "url": "https://www.nice.org.uk/guidance/ng193",
}
DRY_NEEDLING_NECK_2023 = {
    "authors": "Hernández-Secorún M, Abenia-Benedí H, Borrella-Andrés S, Marqués-García I, Lucha-López MO, "
    "Herrero P, Iguacel I, Tricás-Moreno JM, Hidalgo-García C",
    "title": "Effectiveness of dry needling in improving pain and function in comparison with other "
    "techniques in patients with chronic neck pain: a systematic review and meta-analysis",
    "source": "Pain Research and Management",
    "year": 2023,
    "doi": "10.1155/2023/1523834",
    "pubmed_id": "37664417",
    "url": "",
}
DRY_NEEDLING_HEADACHE_2014 = {
    "authors": "France S, Bown J, Nowosilskyj M, Mott M, Rand S, Walters J",
    "title": "Evidence for the use of dry needling and physiotherapy in the management of cervicogenic or "
    "tension-type headache: a systematic review",
    "source": "Cephalalgia",
    "year": 2014,
    "doi": "10.1177/0333102414523847",
    "pubmed_id": "",
    "url": "",
}
