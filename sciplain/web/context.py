from sciplain import conf


def site(request):
    """Site name and tagline for every template (they are settings, so another condition can reuse the site)."""
    return {
        "SITE_NAME": conf.get("SITE_NAME"),
        "SITE_TAGLINE": conf.get("SITE_TAGLINE"),
        "SITE_URL": conf.get("SITE_URL").rstrip("/"),
    }
