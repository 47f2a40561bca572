"""The admin's picture form: the upload rules of kronika.security, and an optional title.

A picture's title is how the image chooser and the Images area list it. Left
empty, it is the picture's description (its alt text, which says what it
shows), or else its file name made readable. Wagtail fills the title from the
file name as soon as a file is picked, before the description is written, and
a camera's "IMG_2031" then wins over "Harbour cranes at dusk"; so that prefill
is switched off, and the field says what it will default to.
"""

from kronika.base.models import KronikaImage
from kronika.security.forms import ImageForm

TITLE_HELP = "Leave empty to use the description, or else the file name."


class PictureForm(ImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = TITLE_HELP
            # Wagtail's __init__ has bound the field already, with the help it had then.
            self._bound_fields_cache.pop("title", None)
        if "file" in self.fields:
            attrs = self.fields["file"].widget.attrs
            for name in [name for name in attrs if name.startswith("data-w-sync")]:
                del attrs[name]
            if attrs.get("data-controller") == "w-sync":
                attrs.pop("data-controller")
                attrs.pop("data-action", None)

    def clean(self):
        cleaned = super().clean()
        if "title" in self.fields and not (cleaned.get("title") or "").strip():
            # The name the file was sent with: clean_file has made it safe by now.
            sent = self.files.get(self.add_prefix("file"))
            name = sent.name if sent else self.instance.file.name or ""
            cleaned["title"] = KronikaImage.default_title(cleaned.get("description", ""), name)
        return cleaned
