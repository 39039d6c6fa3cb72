// Loaded before decap-cms.js: Decap starts only when como-editor.js has registered our YAML format.
window.CMS_MANUAL_INIT = true;
