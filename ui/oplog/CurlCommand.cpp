// SPDX-License-Identifier: GPL-3.0-or-later
#include "CurlCommand.h"

#include <QJsonDocument>
#include <QStringList>

namespace Gui {

namespace {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString curlCommand(const Store::OpLogEntry &entry)
{
    QStringList parts { QStringLiteral("curl") };
    if (!entry.method.isEmpty() && entry.method != QLatin1String("GET"))
        parts << QStringLiteral("-X") << entry.method;
    parts << shellQuote(entry.url);
    const QStringList lines = entry.requestHeaders.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString name = line.section(QLatin1Char(':'), 0, 0).trimmed();
        const QString lower = name.toLower();
        // Double quotes so the shell expands the variable; the stored value is masked anyway.
        if (lower == QLatin1String("authorization"))
            parts << QStringLiteral("-H \"Authorization: Bearer $AMOCRM_TOKEN\"");
        else if (lower == QLatin1String("cookie") || lower.contains(QLatin1String("token"))
                 || lower.contains(QLatin1String("secret")) || lower.contains(QLatin1String("api-key")))
            parts << QStringLiteral("-H \"%1: $%2\"")
                         .arg(name, name.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
        else
            parts << QStringLiteral("-H") << shellQuote(line.trimmed());
    }
    if (!entry.requestBody.isEmpty() && entry.requestBody != QLatin1String("[not logged]"))
        parts << QStringLiteral("--data-raw") << shellQuote(entry.requestBody);
    return parts.join(QLatin1Char(' '));
}

QString prettyBody(const QString &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return body;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace Gui
