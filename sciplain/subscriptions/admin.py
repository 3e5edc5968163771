from django.contrib import admin

from .models import DigestDelivery, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "categories"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "confirmed_at", "unsubscribed_at", "confirmation_sent_at"]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    """A read-only log: which digest went to whom, and which are waiting (unsent) after a failed run."""

    list_display = ["subscriber", "period", "since", "until", "claimed_at", "sent_at"]
    list_filter = ["period", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
