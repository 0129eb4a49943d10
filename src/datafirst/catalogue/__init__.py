"""The researchers' catalogue (datafirst.catalogue.researcher) and the
variable list researchers attach to an application
(datafirst.catalogue.export)."""
