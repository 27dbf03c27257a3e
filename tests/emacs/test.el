;;; test.el --- Marginalia in Emacs with Eglot, in batch mode  -*- lexical-binding: t; -*-

;; Run by tests/emacs/run.sh, which sets:
;;   MARGINALIA_TEST_DIR   a fresh copy of tests/emacs/fixture (a plain folder)
;;   MARGINALIA_TEST_BIN   a folder holding `marginalia', put first on exec-path
;;   MARGINALIA_TEST_MARKDOWN  "1" to test with markdown-mode, "0" without
;;   MARGINALIA_TEST_SNIPPET   editors/emacs/marginalia.el
;;
;; It loads the snippet as a user would, opens flood-first.md, and checks that
;; the snippet's hook starts Eglot with the server, that Flymake gets the
;; figure-conflict warning against flood-update.md, with the open article's
;; date from its front matter, and that a hover on the
;; conflicting figure names the other article.  Every wait has a deadline;
;; a failure prints what was expected and what was there, and exits 1.

(require 'package)

(defvar marginalia-test-with-markdown
  (equal (getenv "MARGINALIA_TEST_MARKDOWN") "1"))

(defun marginalia-test-say (format-string &rest args)
  (princ (concat "[emacs-test] " (apply #'format format-string args) "\n")
         #'external-debugging-output))

(defun marginalia-test-fail (format-string &rest args)
  "Print FORMAT-STRING with ARGS, then the end of Eglot's logs, and exit 1."
  (marginalia-test-say "FAIL: %s" (apply #'format format-string args))
  (dolist (buffer (buffer-list))
    (when (string-match-p "EGLOT.*\\(events\\|stderr\\)" (buffer-name buffer))
      (with-current-buffer buffer
        (marginalia-test-say "end of %s:\n%s" (buffer-name buffer)
                             (buffer-substring-no-properties
                              (max (point-min) (- (point-max) 3000)) (point-max))))))
  (kill-emacs 1))

(defun marginalia-test-wait (what seconds condition)
  "Wait up to SECONDS for CONDITION, running the command loop's hooks.
Batch mode has no command loop: `post-command-hook' (where `eglot-ensure'
defers its connection) and Flymake's start are run here as it would run
them after each command.  Fail with WHAT on timeout."
  (let ((deadline (+ (float-time) seconds))
        result)
    (while (and (not (setq result (funcall condition)))
                (< (float-time) deadline))
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.05))
    (or result
        (marginalia-test-fail "no %s within %d s" what seconds))))

;; 1. Packages: Debian's elpa-* packages, with markdown-mode left out when the
;; test is without it.
(setq package-load-list
      (if marginalia-test-with-markdown '(all) '((markdown-mode nil) all)))
(package-initialize)
(cond
 ((and marginalia-test-with-markdown (not (fboundp 'markdown-mode)))
  (marginalia-test-fail "markdown-mode was asked for but is not installed"))
 ((and (not marginalia-test-with-markdown) (fboundp 'markdown-mode))
  (marginalia-test-fail "markdown-mode is loaded in the test without it")))
(marginalia-test-say "Emacs %s, %s markdown-mode" emacs-version
                     (if marginalia-test-with-markdown "with" "without"))

;; 2. The server is found on exec-path under its own name, as the snippet
;; expects, and the snippet is loaded as its header says.
(push (getenv "MARGINALIA_TEST_BIN") exec-path)
(load (getenv "MARGINALIA_TEST_SNIPPET") nil t)
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect t
      eglot-connect-timeout 20)

;; 3. Open the article and let the snippet's hook start Eglot.
(defvar marginalia-test-dir (file-name-as-directory (getenv "MARGINALIA_TEST_DIR")))
(find-file (expand-file-name "flood-first.md" marginalia-test-dir))
(let ((expected (if marginalia-test-with-markdown 'markdown-mode 'text-mode)))
  (unless (eq major-mode expected)
    (marginalia-test-fail "flood-first.md opened in %s, not %s" major-mode expected)))
(marginalia-test-say "flood-first.md is in %s" major-mode)

(defvar marginalia-test-server
  (marginalia-test-wait "Eglot connection to the server" 20
                        (lambda () (and (bound-and-true-p eglot--managed-mode)
                                        (eglot-current-server)))))
(marginalia-test-say "Eglot connected: %s" (jsonrpc-name marginalia-test-server))
(let ((root (car (project-roots (eglot--project marginalia-test-server)))))
  (unless (file-equal-p root marginalia-test-dir)
    (marginalia-test-fail "Eglot's folder is %s, not the article's folder %s"
                          root marginalia-test-dir)))

;; 4. Flymake has the figure-conflict warning, pointing at the other article.
(defun marginalia-test-conflicts ()
  (unless (flymake-running-backends) (flymake-start))
  (cl-remove-if-not (lambda (d) (string-match-p "\\[figure-conflict\\]"
                                                (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(let* ((conflicts (marginalia-test-wait "figure-conflict diagnostic in Flymake" 20
                                        #'marginalia-test-conflicts))
       (text (flymake-diagnostic-text (car conflicts))))
  (unless (string-match-p "flood-update\\.md" text)
    (marginalia-test-fail "the conflict does not cite flood-update.md: %s" text))
  ;; The open buffer keeps its front matter's date, in text-mode too (Eglot
  ;; then says the language is "text").
  (unless (string-match-p "(flood-first\\.md, 2025-03-04) here" text)
    (marginalia-test-fail "the open article lost its date: %s" text))
  (unless (eq (get (flymake-diagnostic-type (car conflicts)) 'flymake-category)
              'flymake-warning)
    (marginalia-test-fail "the conflict is a %s, not a warning"
                          (flymake-diagnostic-type (car conflicts))))
  (marginalia-test-say "Flymake: %s" text))

;; 5. A hover on the figure "12" names the other article.
(defun marginalia-test-markup (contents)
  "The text of hover CONTENTS, in any of the shapes LSP allows."
  (cond ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'marginalia-test-markup contents "\n"))
        ((plist-member contents :value) (plist-get contents :value))
        (t (format "%S" contents))))

(goto-char (point-min))
(re-search-forward "killed \\(12\\) people")
(goto-char (match-beginning 1))
(let* ((answer (jsonrpc-request marginalia-test-server :textDocument/hover
                                (eglot--TextDocumentPositionParams)
                                :timeout 10))
       (text (and answer (marginalia-test-markup (plist-get answer :contents)))))
  (unless (and text (string-match-p "flood-update\\.md\\|Varnholm counts its dead" text))
    (marginalia-test-fail "the hover on 12 does not name the other article: %S" answer))
  (marginalia-test-say "hover on 12:\n%s" text))

;; 6. Shut the server down, so that nothing is left running.
(eglot-shutdown marginalia-test-server)
(marginalia-test-say "PASS (%s markdown-mode)"
                     (if marginalia-test-with-markdown "with" "without"))
(kill-emacs 0)

;;; test.el ends here
