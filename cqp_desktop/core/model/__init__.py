"""The domain model: the référentiel, the 80 % rules, the calendar, the founding letter's rules, agreement. Pure."""
