"""Growth: from the role a traveler wants next to a ranked plan of concrete steps.

Follows the upskilling method in the project's source articles: the skills the role requires
(data/roles), the user's own ratings, the gaps, a priority from impact, frequency, cost and the
user's input, then steps. Pure functions of (records, role, rules, today); no I/O.
"""
