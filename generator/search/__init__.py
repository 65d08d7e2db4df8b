"""Search: the terms of each record, the query dictionary and the page's query pipeline data."""
