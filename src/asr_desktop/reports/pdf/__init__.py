"""Thai-correct PDF output: fonts, shaping, line breaking, flowables and report layout."""
