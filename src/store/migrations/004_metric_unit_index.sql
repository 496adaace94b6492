-- Schema version 4: the dashboard's most common filter, one metric in one unit's subtree.

CREATE INDEX indicators_metric_locality ON indicators(metric, locality_code);
