"""Save and stay: the front desk saves a request or an appointment and stays on its edit page, with
Wagtail's success message, to send the confirmation or make the next change without opening it again."""


class StayOnEditPageMixin:
    """For a Wagtail ``EditView``: after a save, back to the same edit page instead of the list, with
    "Request CR-00012 saved." (the object's name already says what it is)."""

    success_message = "%(object)s saved."

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_buttons(self):
        # Wagtail's message offers an "Edit" button: the page shown is already the edit page.
        return []
