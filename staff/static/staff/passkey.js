// After django-otp-webauthn's script has added a passkey, go on to the next step (the recovery codes,
// or the Two-factor sign-in page again) named by data-staff-passkey-done around its button.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const step = event.target.closest("[data-staff-passkey-done]");
  if (step) {
    window.location.assign(step.dataset.staffPasskeyDone);
  }
});
