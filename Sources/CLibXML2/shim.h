// libxml2's HTML parser (Debian: libxml2-dev).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/globals.h>
// libxml2's XML reader (a forward-only cursor over the parse), for XMLReader (Word documents).
#include <libxml/xmlreader.h>

// plainlint helpers. libxml2's generic error handler is variadic, which Swift cannot write, and its per-thread
// handlers are reached through macros, which Swift cannot call; these few lines do both.

/// A generic error handler that prints nothing.
static inline void plainlint_xml_silent_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// The calling thread's error handlers, as saved by `plainlint_xml_silence_errors`.
typedef struct {
  xmlGenericErrorFunc generic;
  void *genericContext;
  xmlStructuredErrorFunc structured;
  void *structuredContext;
} plainlint_xml_error_handlers;

/// Makes libxml2 print nothing on this thread: generic errors go to a handler that drops them, and the structured
/// handler is cleared so that each parser context's own handler is the one used. Returns what was there before.
static inline plainlint_xml_error_handlers plainlint_xml_silence_errors(void) {
  plainlint_xml_error_handlers saved;
  saved.generic = xmlGenericError;
  saved.genericContext = xmlGenericErrorContext;
  saved.structured = xmlStructuredError;
  saved.structuredContext = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, plainlint_xml_silent_generic_error);
  xmlSetStructuredErrorFunc(NULL, NULL);
  return saved;
}

/// Puts back the error handlers that `plainlint_xml_silence_errors` saved.
static inline void plainlint_xml_restore_errors(plainlint_xml_error_handlers saved) {
  xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
  xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

/// Whether this thread's generic error handler is the silent one (for tests).
static inline int plainlint_xml_errors_are_silenced(void) {
  return xmlGenericError == plainlint_xml_silent_generic_error;
}

/// Frees memory that libxml2 allocated and handed over (xmlFree is a macro or a global function pointer).
static inline void plainlint_xml_free(void *pointer) {
  xmlFree(pointer);
}
