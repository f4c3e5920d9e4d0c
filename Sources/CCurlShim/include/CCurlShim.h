#ifndef HERALD_CCURL_SHIM_PUBLIC_H
#define HERALD_CCURL_SHIM_PUBLIC_H
#include <curl/curl.h>

/// Typed, non-variadic wrappers over libcurl's variadic setopt/getinfo calls.
CURLcode herald_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode herald_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode herald_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode herald_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode herald_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/// A write or header callback: `(data, size, count, userdata) -> bytes consumed`.
typedef size_t (*herald_data_callback)(char *data, size_t size, size_t count, void *userdata);

/// Sets `CURLOPT_WRITEFUNCTION`.
CURLcode herald_easy_setopt_write_callback(CURL *handle, herald_data_callback callback);
/// Sets `CURLOPT_HEADERFUNCTION`.
CURLcode herald_easy_setopt_header_callback(CURL *handle, herald_data_callback callback);
/// Sets `CURLOPT_READFUNCTION`: `(buffer, size, count, userdata) -> bytes written into buffer` (0 ends the upload).
CURLcode herald_easy_setopt_read_callback(CURL *handle, herald_data_callback callback);

CURLcode herald_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode herald_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode herald_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value);

CURLMcode herald_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

/// `curl_global_init(CURL_GLOBAL_DEFAULT)`; the macro is not importable into Swift.
CURLcode herald_global_init_default(void);

/// Reads the next `CURLMSG_DONE` message, skipping any other kind.
/// Returns 1 and fills `easy`/`result` when one was found, 0 when the queue is empty.
int herald_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

#endif
