// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <optional>

namespace Net {

/**
 * When and how soon a failed call is tried again: exponential backoff with jitter for transient
 * failures (5xx, resets, timeouts), the server's retry_after for 429. Plain value type.
 */
struct RetryPolicy
{
    int maxAttempts = 5; ///< tries in all, the first included
    int baseDelayMs = 400;
    int maxDelayMs = 20000;
    double jitter = 0.3; ///< ± this fraction of the delay
    int maxRetryAfterSecs = 120; ///< a longer 429 hint is handed to the caller instead of waited out
    int defaultRetryAfterSecs = 2; ///< for 429 answers without a hint (HTML pages)
    int blockCoolDownSecs = 15 * 60; ///< how long a 403 block pauses the account

    /** The pause before try number @p attempt + 1 (attempt counts from 1). */
    qint64 backoffMs(int attempt) const;
};

/** Classifies an HTTP answer (or a network failure when status is 0) into an Error; nullopt = success. */
std::optional<Common::Error> classifyAnswer(int status, const QByteArray &body,
                                            QNetworkReply::NetworkError error, const QString &errorString);

/** retry_after from a JSON body, an HTML body or a Retry-After header, in seconds. */
std::optional<int> parseRetryAfter(const QByteArray &body, const QByteArray &retryAfterHeader = {});

/** True when the request surely never reached the application (safe to resend a create). */
bool surelyNotProcessed(int status, QNetworkReply::NetworkError error);

} // namespace Net
