"""Who may do what with the information services (notices, archive, newsletter, analytics).

Staff manage everything; a partner agency's liaison manages only its own promotions (another agency's answer
404); the public reads what is published.
"""
