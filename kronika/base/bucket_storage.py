"""Media in an S3-compatible bucket: django-storages' S3Storage, whose ACL, if
one is set, makes only pictures public (docs/storage.md)."""

from storages.backends.s3 import S3Storage

from kronika.base.media_files import PUBLIC_FOLDERS


class BucketStorage(S3Storage):
    """KRONIKA_MEDIA_S3_ACL (such as public-read) goes only on the folders readers fetch.

    S3Storage puts its default ACL on every object it writes, documents and the
    uploads held back for their form included, so public-read would let anyone
    read them. Those objects are written "private" instead, a canned ACL that
    every bucket taking ACLs understands; without an ACL setting none is sent,
    as buckets with ACLs turned off refuse them.
    """

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        folder = name.removeprefix(f"{self.location}/" if self.location else "").split("/", 1)[0]
        if self.default_acl and folder not in PUBLIC_FOLDERS:
            parameters["ACL"] = "private"
        return parameters
