"""One module per screen; each is imported when first shown, to keep start-up short."""
