// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormEndpointRepo.h"

#include "common/SecretHash.h"
#include "storage/Sql.h"

#include <QRegularExpression>

namespace Source::Intake {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

using Common::SecretHash::constantTimeEquals;
using Common::SecretHash::randomBytes;
using Common::SecretHash::salted;

FormEndpointRepo::FormEndpointRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

bool FormEndpointRepo::isValidName(const QString &name)
{
    static const QRegularExpression s_valid(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return s_valid.match(name).hasMatch();
}

QString FormEndpointRepo::generateSecret()
{
    return Common::SecretHash::newSecret();
}

Result<QString> FormEndpointRepo::create(const QString &name, const QString &source)
{
    const QString secret = generateSecret();
    if (auto set = setSecret(name, secret, source); !set)
        return set.error();
    return secret;
}

Common::Status FormEndpointRepo::setSecret(const QString &name, const QString &secret, const QString &source)
{
    if (!isValidName(name))
        return Error::invalidInput(
            QStringLiteral("A form name is 1–64 Latin letters, digits, '.', '_' or '-': \"%1\"").arg(name));
    if (secret.size() < 16)
        return Error::invalidInput(QStringLiteral("A form secret needs at least 16 characters"));
    const QByteArray salt = randomBytes(16).toHex();
    const qint64 now = m_clock->nowMs();
    auto done = Sql::exec(
        *m_db,
        QStringLiteral("INSERT INTO form_endpoints (name, source, secret_salt, secret_hash, enabled,"
                       " created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
                       " ON CONFLICT (name) DO UPDATE SET secret_salt = excluded.secret_salt,"
                       " secret_hash = excluded.secret_hash, source = excluded.source,"
                       " updated_at = excluded.updated_at"),
        { name, source, QString::fromLatin1(salt), QString::fromLatin1(salted(salt, secret.toUtf8())), now,
          now });
    if (!done)
        return done.error();
    return {};
}

Result<QString> FormEndpointRepo::rotateSecret(const QString &name)
{
    auto source
        = Sql::scalar(*m_db, QStringLiteral("SELECT source FROM form_endpoints WHERE name = ?"), { name });
    if (!source)
        return source.error();
    if (!source->isValid())
        return Error::notFound(QStringLiteral("No form named \"%1\"").arg(name));
    return create(name, source->toString());
}

Common::Status FormEndpointRepo::setEnabled(const QString &name, bool enabled)
{
    auto done = Sql::update(
        *m_db, QStringLiteral("UPDATE form_endpoints SET enabled = ?, updated_at = ? WHERE name = ?"),
        { enabled ? 1 : 0, m_clock->nowMs(), name });
    if (!done)
        return done.error();
    if (done.value() == 0)
        return Error::notFound(QStringLiteral("No form named \"%1\"").arg(name));
    return {};
}

Common::Status FormEndpointRepo::remove(const QString &name)
{
    auto done = Sql::update(*m_db, QStringLiteral("DELETE FROM form_endpoints WHERE name = ?"), { name });
    if (!done)
        return done.error();
    return {};
}

Result<QList<FormEndpoint>> FormEndpointRepo::list()
{
    auto query = Sql::exec(*m_db,
                           QStringLiteral("SELECT id, name, source, enabled, created_at FROM form_endpoints"
                                          " ORDER BY name"));
    if (!query)
        return query.error();
    QList<FormEndpoint> endpoints;
    while (query->next())
        endpoints.append({ query->value(0).toLongLong(), query->value(1).toString(),
                           query->value(2).toString(), query->value(3).toInt() != 0,
                           query->value(4).toLongLong() });
    return endpoints;
}

Result<FormEndpointRepo::Check> FormEndpointRepo::verify(const QString &name, const QByteArray &secret,
                                                         FormEndpoint *endpoint)
{
    auto query
        = Sql::exec(*m_db,
                    QStringLiteral("SELECT id, name, source, enabled, created_at, secret_salt, secret_hash"
                                   " FROM form_endpoints WHERE name = ?"),
                    { name });
    if (!query)
        return query.error();
    if (!query->next()) {
        salted(QByteArray(32, '0'), secret); // about the same time as a known form
        return Check::UnknownForm;
    }
    const FormEndpoint found { query->value(0).toLongLong(), query->value(1).toString(),
                               query->value(2).toString(), query->value(3).toInt() != 0,
                               query->value(4).toLongLong() };
    if (endpoint)
        *endpoint = found;
    const QByteArray expected = query->value(6).toString().toLatin1();
    if (!constantTimeEquals(salted(query->value(5).toString().toLatin1(), secret), expected))
        return Check::WrongSecret;
    return found.enabled ? Check::Accepted : Check::Disabled;
}

} // namespace Source::Intake
