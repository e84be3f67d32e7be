// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Common {

/** What kind of failure an Error is, which decides what the caller does next. */
enum class ErrorKind {
    Transient, ///< try again later (5xx, reset, timeout, database busy)
    Permanent, ///< retrying the same thing will fail the same way (validation, 400/404/422)
    Auth, ///< the credentials are missing, expired or revoked: sign in again
    RateLimited, ///< the other side asked us to slow down; retryAfterSeconds says how long
    Blocked, ///< the other side blocked the account or address (amoCRM 403 page): pause, alert
    InvalidInput, ///< our caller passed something malformed
    NotFound, ///< the thing asked for does not exist
    Unavailable, ///< a local dependency (database, secret service) is not there
};

QString errorKindName(ErrorKind kind);

/**
 * A typed error value. Errors are values at module boundaries: they cross threads and queued
 * signals, so this is a plain copyable type with no ownership.
 */
struct Error
{
    ErrorKind kind = ErrorKind::Permanent;
    QString message; ///< for the operator, already in our words
    QString code; ///< short machine code, e.g. "NotSupportedChoice", "sql"
    int httpStatus = 0; ///< when the error came from an HTTP answer
    std::optional<int> retryAfterSeconds; ///< the other side's hint, if it gave one
    QJsonObject details; ///< structured extras (validation paths, trace ids)

    static Error transient(const QString &message, const QString &code = {});
    static Error permanent(const QString &message, const QString &code = {});
    static Error auth(const QString &message, const QString &code = {});
    static Error invalidInput(const QString &message, const QString &code = {});
    static Error notFound(const QString &message, const QString &code = {});
    static Error unavailable(const QString &message, const QString &code = {});

    bool isRetryable() const { return kind == ErrorKind::Transient || kind == ErrorKind::RateLimited; }
    /** "kind: message" for logs and the queue's error column. */
    QString toString() const;
};

} // namespace Common
