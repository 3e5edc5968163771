from django import forms


class ContactForm(forms.Form):
    name = forms.CharField(max_length=200, label="Your name",
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label="Your email address", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    subject = forms.CharField(max_length=200, required=False, label="Subject (optional)")
    message = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 6}), label="Message")
    website = forms.CharField(required=False, label="Leave this empty")  # honeypot


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda v: v == "yes",
        error_messages={"required": "Please choose Yes or No.", "invalid_choice": "Please choose Yes or No."},
    )
    comment = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              label="What was unclear? (optional)")
    version = forms.IntegerField(required=False)  # the summary version the reader saw
    website = forms.CharField(required=False)  # honeypot
