"""Prints textstat's counts and readability figures for each file named, as JSON, for plainlint's cross-check.

textstat (https://pypi.org/project/textstat/) is an independent Python implementation of the readability
formulas. Version 0.7.3 is pinned: it counts syllables with pyphen's hyphenation patterns and needs nothing from
the network once installed (later versions fetch a pronouncing dictionary through NLTK when first used).
"""
import json
import sys

import textstat

textstat.set_rounding(False)
figures = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as file:
        text = file.read()
    figures[path.replace("\\", "/").rsplit("/", 1)[-1]] = {
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text),
        "syllables": textstat.syllable_count(text),
        "polysyllables": textstat.polysyllabcount(text),
        "letters": textstat.letter_count(text),
        "characters": textstat.char_count(text),
        "fleschReadingEase": textstat.flesch_reading_ease(text),
        "fleschKincaidGrade": textstat.flesch_kincaid_grade(text),
        "smogGrade": textstat.smog_index(text),
        "colemanLiau": textstat.coleman_liau_index(text),
        "automatedReadabilityIndex": textstat.automated_readability_index(text),
        "gunningFog": textstat.gunning_fog(text),
    }
json.dump(figures, sys.stdout, indent=1, sort_keys=True)
