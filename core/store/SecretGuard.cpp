// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretGuard.h"

#include <QRegularExpression>

namespace Store {

bool looksLikeSecretKey(const QString &key)
{
    static const QRegularExpression secret(
        QStringLiteral(R"((secret|token|password|passwd|api[_-]?key|apikey|authorization|private[_-]?key))"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

Common::Status checkNoSecrets(const QJsonObject &object, const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (looksLikeSecretKey(it.key())) {
            return Common::Error::invalidInput(
                QStringLiteral(
                    "\"%1\" looks like a secret and cannot be stored in %2; it belongs in the keychain")
                    .arg(it.key(), where),
                QStringLiteral("secret-in-plain-text"));
        }
        if (it->isObject()) {
            if (auto nested = checkNoSecrets(it->toObject(), where); !nested)
                return nested;
        }
    }
    return {};
}

QString redactSecrets(const QString &text)
{
    // JSON "key": "value", form key=value, and HTTP "Authorization: Bearer …" headers.
    static const QRegularExpression json(
        QStringLiteral(
            R"re(("[^"]*(?:secret|token|password|api[_-]?key|apikey)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression form(
        QStringLiteral(
            R"re(((?:^|[?&\s])[\w\[\]]*(?:secret|token|password|api[_-]?key|apikey)[\w\[\]]*=)[^&\s"]*)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression header(
        QStringLiteral(R"re(((?:authorization|x-api-key|x-auth-token|x-refresh-token)\s*:\s*)[^\r\n]*)re"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(json, QStringLiteral("\\1\"***\""));
    out.replace(form, QStringLiteral("\\1***"));
    out.replace(header, QStringLiteral("\\1***"));
    return out;
}

} // namespace Store
