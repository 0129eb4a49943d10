TABLES = ()


def write(ctx, history, others):
    pass
