"""What the office hands out, and the figures behind it.

The monthly report (``monthly``), the workbooks and PDFs, the signed package for
headquarters (``package``), documents for people (ID cards, sign-in sheets, certificates)
and the home page's figures (``dashboard``); ``catalogue`` lists every report for the CLI
and the Reports page.
"""
