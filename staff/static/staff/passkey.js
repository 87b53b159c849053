// After django-otp-webauthn's script has added a passkey, go on to the next step (the recovery codes
// or the reloaded Two-factor sign-in page) named by the placeholder's data-staff-passkey-done.
document.addEventListener("otp_webauthn.register_complete", () => {
  const placeholder = document.getElementById("passkey-registration-placeholder");
  const done = placeholder && placeholder.dataset.staffPasskeyDone;
  if (done) {
    window.location.assign(done);
  }
});
