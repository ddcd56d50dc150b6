"""Private parts of the tone check (``policies/checks/tone.py``).

Not a check itself: the classifier, the profanity matcher and the phrase patterns that
``tone.run`` combines. Split out so each piece stays small enough to read at once.
"""
