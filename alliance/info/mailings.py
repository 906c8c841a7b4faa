"""The information services' bulk e-mails, registered with the delivery mechanism (alliance.core.delivery).

Each area adds its mailings in its own block.
"""
