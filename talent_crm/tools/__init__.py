from . import profile_urls
