;;; marginalia.el --- Marginalia language server with Eglot  -*- lexical-binding: t; -*-

;; Marginalia annotates news articles (Markdown and plain text): names,
;; figures, and warnings such as figure-conflict, figure-drift, arithmetic and
;; spelling-variant.  This snippet runs its language server with Eglot, which
;; is built into Emacs 29 and later (install it from GNU ELPA on Emacs 28).
;;
;; Copy it into your init file, or load this file by its full path:
;;
;;   (load "/path/to/marginalia/editors/emacs/marginalia.el")
;;
;; Do not put this folder on `load-path': an unrelated, widely used Emacs
;; package (minibuffer annotations) is also called `marginalia', and this file
;; must not shadow it.  For the same reason it does not `provide' a feature.
;;
;; The `marginalia' executable must be on `exec-path' (or write its full path
;; below).  Then M-x eglot in a Markdown or .txt buffer, or let the hook below
;; start it.

(defvar eglot-server-programs)
(declare-function eglot-ensure "eglot" ())

;; Which mode it hooks: with markdown-mode installed, .md and .markdown files
;; open in `markdown-mode' (or `gfm-mode'), whose hooks run `text-mode-hook'.
;; Without it, Emacs opens them in `fundamental-mode', where nothing would
;; start the server; so this file maps .md and .markdown to `text-mode' when
;; markdown-mode is not installed, and says so once in *Messages*.  Either
;; way the hook below is `text-mode-hook', and .txt files are `text-mode'.
;;
;; The folder Eglot sends: the buffer's project (`project.el', normally the
;; version-control root), else the file's own folder.  The server then takes
;; the nearest marginalia.toml above each article as its desk, else that
;; folder, and never reads a home folder whole.

(unless (fboundp 'markdown-mode)
  (add-to-list 'auto-mode-alist '("\\.\\(?:md\\|markdown\\)\\'" . text-mode))
  (message "marginalia: markdown-mode is not installed; .md files open in text-mode"))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode text-mode) . ("marginalia" "lsp"))))

(defun marginalia-lsp-eglot-ensure ()
  "Start Eglot with Marginalia in Markdown and plain-text file buffers.
Modes derived from `text-mode' that are not articles (Org, commit
messages and so on) are left alone."
  (when (and buffer-file-name
             (memq major-mode '(markdown-mode gfm-mode text-mode))
             (string-match-p "\\.\\(?:md\\|markdown\\|txt\\)\\'" buffer-file-name))
    (eglot-ensure)))

;; `markdown-mode-hook' runs `text-mode-hook' too, so one hook covers both.
(add-hook 'text-mode-hook #'marginalia-lsp-eglot-ensure)

;; Settings, with the keys of marginalia.toml, are sent as
;; workspace/didChangeConfiguration under the `marginalia' section.  Set them
;; per folder of articles in .dir-locals.el, for example:
;;
;;   ((nil . ((eglot-workspace-configuration
;;             . (:marginalia (:debounce_ms 100
;;                             :rules (:figure-drift "off")))))))
;;
;; A marginalia.toml at the root of the folder is read by the server itself.

;;; marginalia.el ends here
