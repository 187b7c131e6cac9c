"""The site's workflows: planning, the épreuve runner and its clock, the avis and its signatures, export, purge."""
