// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionCommands.h"
#include "InspectCommands.h"
#include "StoreCommands.h"
#include "crm/ConnectorFactory.h"
#include "crm/CrmConnector.h"
#include "mapping/MappingRepo.h"
#include "store/ConnectionRepo.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

namespace Ctl {

namespace {

int failWith(const Common::Error &error)
{
    err(QStringLiteral("crmbridgectl: %1").arg(error.message));
    return error.kind == Common::ErrorKind::Auth ? 3 : 1;
}

void printJson(const QJsonObject &value)
{
    out(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Indented)).trimmed());
}

void printSchema(const Crm::CrmSchema &schema, bool json)
{
    if (json) {
        QJsonArray pipelines;
        for (const Crm::Pipeline &p : schema.pipelines) {
            QJsonArray stages;
            for (const Crm::Stage &s : p.stages)
                stages.append(QJsonObject { { QStringLiteral("id"), s.id },
                                            { QStringLiteral("name"), s.name },
                                            { QStringLiteral("colour"), s.colour } });
            pipelines.append(QJsonObject { { QStringLiteral("id"), p.id },
                                           { QStringLiteral("name"), p.name },
                                           { QStringLiteral("stages"), stages } });
        }
        QJsonArray fields;
        for (const Crm::CustomField &f : schema.fields)
            fields.append(QJsonObject { { QStringLiteral("id"), f.id },
                                        { QStringLiteral("entity"), Crm::entityName(f.entity) },
                                        { QStringLiteral("name"), f.name },
                                        { QStringLiteral("code"), f.code },
                                        { QStringLiteral("type"), f.type } });
        QJsonArray users;
        for (const Crm::CrmUser &u : schema.users)
            users.append(QJsonObject { { QStringLiteral("id"), u.id },
                                       { QStringLiteral("name"), u.name },
                                       { QStringLiteral("email"), u.email } });
        printJson(QJsonObject { { QStringLiteral("crm"), schema.crm },
                                { QStringLiteral("pipelines"), pipelines },
                                { QStringLiteral("fields"), fields },
                                { QStringLiteral("users"), users } });
        return;
    }
    out(Text::tr("Pipelines and stages (pipeline id / stage id: name):"));
    for (const Crm::Pipeline &p : schema.pipelines) {
        out(QStringLiteral("  %1  %2").arg(p.id, p.name));
        for (const Crm::Stage &s : p.stages)
            out(QStringLiteral("      %1 / %2: %3").arg(p.id, s.id, s.name));
    }
    out(Text::tr("Fields (id, entity, type: name [code]):"));
    for (const Crm::CustomField &f : schema.fields)
        out(QStringLiteral("  %1  %2  %3: %4%5")
                .arg(f.id, Crm::entityName(f.entity), f.type, f.name,
                     f.code.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(f.code)));
    out(Text::tr("Users (id: name, e-mail):"));
    for (const Crm::CrmUser &u : schema.users)
        out(QStringLiteral("  %1: %2, %3").arg(u.id, u.name, u.email));
}

} // namespace

Command crmCommand()
{
    return { QStringLiteral("crm"),
             Text::tr("What a CRM account has: pipelines, stages, fields, users (schema)"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(Text::tr(
                     "Usage: crmbridgectl crm schema NAME [--cached] [--json]\n\n"
                     "Reads the connection's CRM account now (or, with --cached, what the engine read last) "
                     "and prints the ids a status map, routing or mapping file names."));
                 parser.addOption({ QStringLiteral("cached"),
                                    Text::tr("Print the schema read last, without calling the CRM") });
                 parser.addOption({ QStringLiteral("json"), Text::tr("Machine-readable output") });
                 parser.addPositionalArgument(QStringLiteral("schema"), QStringLiteral("schema NAME"));
                 if (!parseSubcommand(parser, QStringLiteral("crm"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 const QStringList pos = parser.positionalArguments();
                 if (pos.size() != 2 || pos.first() != QLatin1String("schema")) {
                     err(parser.applicationDescription().section(QStringLiteral("\n\n"), 0, 0));
                     return 2;
                 }
                 auto db = openStore(databaseUrl, false);
                 if (!db)
                     return failWith(db.error());
                 auto connection = Store::ConnectionRepo(db.value()).byName(pos.value(1));
                 if (!connection)
                     return failWith(connection.error());
                 const bool json = parser.isSet(QStringLiteral("json"));
                 Mapping::MappingRepo mappings(db.value());
                 if (parser.isSet(QStringLiteral("cached"))) {
                     auto cached = mappings.loadSchema(connection->id);
                     if (!cached)
                         return failWith(cached.error());
                     if (!cached->has_value()) {
                         err(Text::tr("crmbridgectl: nothing read from \"%1\" yet; run without --cached")
                                 .arg(connection->name));
                         return 1;
                     }
                     printSchema(**cached, json);
                     return 0;
                 }
                 auto secrets = headlessSecretStore(db.value());
                 if (!secrets)
                     return failWith(secrets.error());
                 Crm::ConnectorFactory factory(db.value(), secrets.value());
                 QObject owner;
                 std::unique_ptr<Crm::CrmConnector> connector
                     = factory.forConnection(connection.value())(&owner);
                 std::optional<Common::Result<Crm::CrmSchema>> result;
                 QEventLoop loop;
                 connector->fetchSchema([&](Common::Result<Crm::CrmSchema> schema) {
                     result.emplace(std::move(schema));
                     loop.quit();
                 });
                 if (!result)
                     loop.exec();
                 if (!result->ok())
                     return failWith(result->error());
                 (void)mappings.saveSchema(connection->id, result->value());
                 printSchema(result->value(), json);
                 return 0;
             } };
}

} // namespace Ctl
