// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseUrl.h"

#include <QUrl>
#include <QUrlQuery>

namespace Storage {

using Common::Error;
using Common::Result;

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sqlite://"))) {
        DatabaseUrl url;
        url.dialect = Dialect::Sqlite;
        url.path = QUrl::fromPercentEncoding(trimmed.mid(int(qstrlen("sqlite://"))).toUtf8());
        if (url.path.isEmpty())
            return Error::invalidInput(QStringLiteral("The SQLite URL names no file: %1").arg(text));
        return url;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        DatabaseUrl url;
        url.dialect = Dialect::Postgres;
        url.host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
        url.port = parsed.port(5432);
        url.user = parsed.userName();
        url.password = parsed.password();
        url.database = parsed.path().mid(1);
        if (url.database.isEmpty())
            return Error::invalidInput(
                QStringLiteral("The PostgreSQL URL names no database: %1").arg(url.toDisplayString()));
        QStringList options;
        const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items)
            options << key + QLatin1Char('=') + value;
        url.options = options.join(QLatin1Char(';'));
        return url;
    }
    return Error::invalidInput(
        QStringLiteral(
            "Unsupported database URL \"%1\": use sqlite:///path/file.db or postgresql://user@host:port/db")
            .arg(text.section(QLatin1Char('@'), -1)));
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl url;
    url.dialect = Dialect::Sqlite;
    url.path = path;
    return url;
}

QString DatabaseUrl::toDisplayString() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite://") + path;
    QString auth = user;
    if (!password.isEmpty())
        auth += QStringLiteral(":***");
    if (!auth.isEmpty())
        auth += QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(auth, host).arg(port).arg(database);
}

} // namespace Storage
