"""Research analyses on the published marts, with disclosure control."""
