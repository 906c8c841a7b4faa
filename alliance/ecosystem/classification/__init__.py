"""Suggested classification of ecosystem players from their Korean descriptions.

tokenizer (Kiwi morphemes) → features (TF-IDF over morphemes and character n-grams, business fields and
KSIC code as extra tokens, taxonomy keyword hits) → model (logistic regression, top-k categories with
probabilities) beside keywords (the rule baseline and the fallback when nothing is confirmed yet) and
facets (technologies and fields, multi-label). evaluation measures both on the labelled set in data/.
training (the only module that touches the database) builds a suggester for a year's taxonomy.
"""
