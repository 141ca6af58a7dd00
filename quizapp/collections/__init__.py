"""Collections: who may see and write which articles (``access``), and managing them (``store``)."""
