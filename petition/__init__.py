"""The register petition: signatures, email verification and counting."""
