"""Administration: partner organisations for now (accounts, municipalities and the catalogue later)."""
