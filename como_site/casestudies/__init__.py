"""Case studies: YAML records under case_studies/ checked against a schema and turned into pages."""
