// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

namespace Secrets {

Q_LOGGING_CATEGORY(lcSecrets, "crmbridge.secrets")

using Common::Error;

SecretStore::~SecretStore() = default;

QString SecretStore::connectionScope(qint64 connectionId)
{
    return QStringLiteral("connection:%1").arg(connectionId);
}

QString SecretStore::connectionScope(const QString &connectionName)
{
    return QStringLiteral("connection:") + connectionName;
}

static bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Common::Status SecretStore::validateKey(const QString &scope, const QString &name)
{
    if (scope.isEmpty() || hasControlCharacter(scope))
        return Error::invalidInput(
            QStringLiteral("A secret scope must be non-empty text without control characters"),
            QStringLiteral("secret-scope"));
    if (name.isEmpty() || hasControlCharacter(name) || name.contains(QLatin1Char('/')))
        return Error::invalidInput(
            QStringLiteral(
                "A secret name must be non-empty text without control characters or '/' (got \"%1\")")
                .arg(name),
            QStringLiteral("secret-name"));
    return {};
}

Common::Status SecretStore::validateValue(const QByteArray &value)
{
    if (value.isEmpty())
        return Error::invalidInput(QStringLiteral("An empty secret cannot be stored; remove it instead"),
                                   QStringLiteral("secret-empty"));
    if (value.size() > kMaxValueSize)
        return Error::invalidInput(
            QStringLiteral("A secret may be at most %1 bytes (got %2)").arg(kMaxValueSize).arg(value.size()),
            QStringLiteral("secret-too-large"));
    return {};
}

} // namespace Secrets
