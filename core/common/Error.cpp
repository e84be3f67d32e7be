// SPDX-License-Identifier: GPL-3.0-or-later
#include "Error.h"

namespace Common {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Transient:
        return QStringLiteral("transient");
    case ErrorKind::Permanent:
        return QStringLiteral("permanent");
    case ErrorKind::Auth:
        return QStringLiteral("auth");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorKind::Blocked:
        return QStringLiteral("blocked");
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ErrorKind::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("unknown");
}

static Error make(ErrorKind kind, const QString &message, const QString &code)
{
    Error e;
    e.kind = kind;
    e.message = message;
    e.code = code;
    return e;
}

Error Error::transient(const QString &message, const QString &code)
{
    return make(ErrorKind::Transient, message, code);
}
Error Error::permanent(const QString &message, const QString &code)
{
    return make(ErrorKind::Permanent, message, code);
}
Error Error::auth(const QString &message, const QString &code)
{
    return make(ErrorKind::Auth, message, code);
}
Error Error::invalidInput(const QString &message, const QString &code)
{
    return make(ErrorKind::InvalidInput, message, code);
}
Error Error::notFound(const QString &message, const QString &code)
{
    return make(ErrorKind::NotFound, message, code);
}
Error Error::unavailable(const QString &message, const QString &code)
{
    return make(ErrorKind::Unavailable, message, code);
}

QString Error::toString() const
{
    return errorKindName(kind) + QStringLiteral(": ") + message;
}

} // namespace Common
