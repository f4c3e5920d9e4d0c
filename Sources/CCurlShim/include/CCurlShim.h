#ifndef HERALD_CCURL_SHIM_PUBLIC_H
#define HERALD_CCURL_SHIM_PUBLIC_H
#include <curl/curl.h>

/// Typed, non-variadic wrappers over libcurl's variadic setopt/getinfo calls.
CURLcode herald_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode herald_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode herald_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);

#endif
