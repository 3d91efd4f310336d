"""The pages a change adds, changes or removes: two built sites compared (for the pull request's summary).

Placeholder: the helper implementing issue 14's job summary replaces this module.
"""
