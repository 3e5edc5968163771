from django.contrib import admin

from .models import ContactMessage, Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["summary", "helpful", "comment", "created_at"]
    list_filter = ["helpful"]
    readonly_fields = ["summary", "helpful", "comment", "voter", "created_at"]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "subject", "created_at", "handled"]
    list_filter = ["handled"]
