"""Person and journey linkage with Splink: model specifications, training
with a simulated clerical review, prediction and clustering.

Training happens outside the dbt DAG (``python -m datafirst.linkage.train``)
and writes versioned model JSON files and model cards to
``src/datafirst/linkage/models/``; the dbt Python models in
``models/linkage/`` load them, re-estimate the prior for the data at hand,
predict and cluster.
"""
