// SPDX-License-Identifier: GPL-3.0-or-later
#include "Redactor.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace Net::Redactor {

namespace {

QMutex s_mutex;
QSet<QString> &known()
{
    static QSet<QString> s_known;
    return s_known;
}

} // namespace

void remember(const QString &secret)
{
    if (secret.size() < 8)
        return;
    QMutexLocker lock(&s_mutex);
    known().insert(secret);
}

QString scrub(const QString &text)
{
    QString out = text;
    {
        QMutexLocker lock(&s_mutex);
        for (const QString &secret : std::as_const(known())) {
            if (out.contains(secret))
                out.replace(secret, QStringLiteral("***"));
        }
    }
    static const QRegularExpression json(
        QStringLiteral(
            R"re(("(?:code|[^"]*(?:secret|token|password|api[_-]?key|apikey)[^"]*)"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression form(
        QStringLiteral(
            R"re(((?:^|[?&\s])(?:code|[\w\[\]]*(?:secret|token|password|api[_-]?key|apikey)[\w\[\]]*)=)[^&\s"]*)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression header(
        QStringLiteral(R"re(((?:authorization|x-api-key|x-auth-token|x-refresh-token)\s*:\s*)[^\r\n]*)re"),
        QRegularExpression::CaseInsensitiveOption);
    // A JWT (three base64url parts, the first starting with "eyJ") and amoCRM's "def50200…" blobs.
    static const QRegularExpression jwt(QStringLiteral(R"(eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,})"));
    static const QRegularExpression amoBlob(QStringLiteral(R"(def50200[0-9a-fA-F]{32,})"));
    out.replace(json, QStringLiteral("\\1\"***\""));
    out.replace(form, QStringLiteral("\\1***"));
    out.replace(header, QStringLiteral("\\1***"));
    out.replace(jwt, QStringLiteral("***"));
    out.replace(amoBlob, QStringLiteral("***"));
    return out;
}

} // namespace Net::Redactor
