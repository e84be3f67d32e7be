// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingCommands.h"

#include "AuditCommands.h"
#include "ConnectionCommands.h"
#include "StoreCommands.h"
#include "common/Json.h"
#include "crm/ConnectorFactory.h"
#include "engine/MissingFieldCreator.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingSet.h"
#include "store/ConnectionRepo.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace Ctl {

namespace {

/** The connection named by --connection, or the only one there is. */
Common::Result<Store::Connection> pickConnection(std::shared_ptr<Storage::Database> db, const QString &name)
{
    Store::ConnectionRepo repo(db);
    if (!name.isEmpty())
        return repo.byName(name);
    auto all = repo.list();
    if (!all)
        return all.error();
    if (all->size() == 1)
        return all->first();
    return Common::Error::invalidInput(
        all->isEmpty() ? Text::tr("There is no connection yet: add one with `crmbridgectl connection add`")
                       : Text::tr("There are several connections: say which with --connection NAME"));
}

QString problemsText(const Common::Error &error)
{
    QStringList lines { error.message };
    for (const QJsonValue &problem : error.details.value(QLatin1String("problems")).toArray()) {
        const QJsonObject p = problem.toObject();
        lines << QStringLiteral("  %1 %2: %3")
                     .arg(p.value(QLatin1String("area")).toString(),
                          p.value(QLatin1String("row_id")).toString(),
                          p.value(QLatin1String("message")).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

int exportMapping(std::shared_ptr<Storage::Database> db, const Store::Connection &connection,
                  const QString &file)
{
    Mapping::MappingRepo repo(db);
    auto set = repo.load(connection.id);
    if (!set) {
        err(QStringLiteral("crmbridgectl: %1").arg(set.error().message));
        return 1;
    }
    Mapping::MappingSet mapping = set->value_or(Mapping::MappingSet());
    if (!set->has_value()) {
        auto schema = repo.loadSchema(connection.id);
        if (schema && schema->has_value())
            mapping = Mapping::MappingSet::defaults(**schema);
    }
    QSaveFile saved(file);
    if (!saved.open(QIODevice::WriteOnly)) {
        err(Text::tr("crmbridgectl: cannot write %1: %2").arg(file, saved.errorString()));
        return 1;
    }
    saved.write(Common::Json::indented(Common::Json::compact(mapping.toJson())));
    if (!saved.commit()) {
        err(Text::tr("crmbridgectl: cannot write %1: %2").arg(file, saved.errorString()));
        return 1;
    }
    out(Text::tr("Exported the mapping of \"%1\" to %2%3")
            .arg(connection.name, file,
                 set->has_value() ? QString() : Text::tr(" (the defaults: none was saved yet)")));
    return 0;
}

QString specsText(const QList<Mapping::FieldSpec> &specs)
{
    QStringList lines;
    for (const Mapping::FieldSpec &spec : specs)
        lines << Text::tr("  %1 field “%2” (%3) for rows %4")
                     .arg(Crm::entityName(spec.entity), spec.name, spec.type,
                          spec.rowIds.join(QLatin1String(", ")));
    return lines.join(QLatin1Char('\n'));
}

int importMapping(std::shared_ptr<Storage::Database> db, const Store::Connection &connection,
                  const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        err(Text::tr("crmbridgectl: cannot read %1: %2").arg(file, in.errorString()));
        return 1;
    }
    auto json = Common::Json::parseObject(in.readAll());
    if (!json) {
        err(QStringLiteral("crmbridgectl: %1: %2").arg(file, json.error().message));
        return 1;
    }
    Mapping::MappingRepo repo(db);
    auto schema = repo.loadSchema(connection.id);
    const Crm::CrmSchema *against = schema && schema->has_value() ? &**schema : nullptr;
    // Rows naming a field the account lacks are fine where the operator lets the bridge create it.
    const Engine::FieldCreationPolicy policy = Engine::FieldCreationPolicy::of(connection);
    auto mapping = Mapping::MappingSet::fromJson(
        json.value(), against, [policy](Crm::Entity entity) { return policy.allows(entity); });
    if (!mapping) {
        err(Text::tr("crmbridgectl: %1 was not imported; nothing changed.\n%2")
                .arg(file, problemsText(mapping.error())));
        return 1;
    }
    if (auto saved = repo.save(connection.id, mapping.value()); !saved) {
        err(Text::tr("crmbridgectl: %1 was not imported; nothing changed.\n%2")
                .arg(file, problemsText(saved.error())));
        return 1;
    }
    out(Text::tr("Imported %1 into the mapping of \"%2\"%3")
            .arg(file, connection.name,
                 against ? QString()
                         : Text::tr(" (checked for structure only: the CRM's fields are not known yet)")));
    if (against) {
        if (const auto missing = Mapping::missingFields(mapping.value(), *against); !missing.isEmpty())
            out(Text::tr("The CRM lacks %n of its fields; the bridge creates them before the next send, "
                         "or now with `crmbridgectl mapping create-fields %1`:\n%2",
                         nullptr, int(missing.size()))
                    .arg(connection.name, specsText(missing)));
    }
    return 0;
}

/** Creates the CRM fields the mapping names and the account lacks, whatever the auto-create settings say. */
int createFields(std::shared_ptr<Storage::Database> db, const Store::Connection &connection)
{
    auto secrets = headlessSecretStore(db);
    if (!secrets) {
        err(QStringLiteral("crmbridgectl: %1").arg(secrets.error().message));
        return 1;
    }
    Crm::ConnectorFactory factory(db, secrets.value());
    QObject owner;
    std::unique_ptr<Crm::CrmConnector> connector = factory.forConnection(connection)(&owner);
    QEventLoop loop;
    std::optional<Common::Result<Engine::FieldCreation>> result;
    auto finish = [&](Common::Result<Engine::FieldCreation> r) {
        result.emplace(std::move(r));
        loop.quit();
    };
    // A fresh schema first: the cached one may predate a field someone created by hand.
    connector->fetchSchema([&](Common::Result<Crm::CrmSchema> schema) {
        if (!schema) {
            finish(schema.error());
            return;
        }
        Mapping::MappingRepo repo(db);
        auto saved = repo.load(connection.id);
        if (!saved) {
            finish(saved.error());
            return;
        }
        Mapping::MappingSet set = saved->value_or(Mapping::MappingSet::defaults(schema.value()));
        Engine::createMissingFields(db, connection.id, *connector, set, schema.value(),
                                    Engine::FieldCreationPolicy::everything(), finish);
    });
    if (!result)
        loop.exec();
    if (!result->ok()) {
        err(QStringLiteral("crmbridgectl: %1").arg(result->error().message));
        return result->error().kind == Common::ErrorKind::Auth ? 3 : 1;
    }
    const Engine::FieldCreation &done = result->value();
    if (done.created.isEmpty()) {
        out(Text::tr("Nothing to create: every field the mapping of \"%1\" names exists in the CRM%2")
                .arg(connection.name,
                     done.rowsBound > 0 ? Text::tr(" (%n row(s) now point at them)", nullptr, done.rowsBound)
                                        : QString()));
        return 0;
    }
    out(Text::tr("Created %n field(s) in the CRM for \"%1\"; mapping rows pointing at them now: %2\n%3",
                 nullptr, int(done.created.size()))
            .arg(connection.name)
            .arg(done.rowsBound)
            .arg(specsText(done.created)));
    return 0;
}

} // namespace

Command mappingCommand()
{
    return {
        QStringLiteral("mapping"), Text::tr("Export or import a connection's mapping as JSON"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(Text::tr(
                "mapping export FILE.json | mapping import FILE.json | mapping create-fields CONNECTION\n"
                "mapping history CONNECTION | mapping diff CONNECTION [FROM] TO | mapping rollback "
                "CONNECTION VERSION\n"
                "Export the field, status and routing mapping for review or version control, or import one\n"
                "(validated, all or nothing); or create in the CRM the fields the mapping names and the\n"
                "account lacks (what the auto_create_*_fields settings let the engine do by itself).\n"
                "Every saved mapping is a version: history lists them (who, when, with what), diff shows\n"
                "what changed, rollback saves an earlier version again."));
            parser.addPositionalArgument(QStringLiteral("action"),
                                         Text::tr("export, import or create-fields"));
            parser.addPositionalArgument(QStringLiteral("file"),
                                         Text::tr("the JSON file (create-fields: the connection)"));
            parser.addOption({ QStringLiteral("connection"),
                               Text::tr("The connection (default: the only one)"), QStringLiteral("NAME") });
            if (!parseSubcommand(parser, QStringLiteral("mapping"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const QStringList positional = parser.positionalArguments();
            if (isMappingHistoryAction(positional.value(0)))
                return runMappingHistory(positional, databaseUrl);
            const bool create = positional.value(0) == QLatin1String("create-fields");
            if (positional.size() != 2
                || (positional[0] != QLatin1String("export") && positional[0] != QLatin1String("import")
                    && !create)) {
                err(Text::tr("Usage: crmbridgectl mapping export|import FILE.json [--connection NAME]\n"
                             "       crmbridgectl mapping create-fields CONNECTION"));
                return 2;
            }
            auto db = openStore(databaseUrl, create);
            if (!db) {
                err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                return 1;
            }
            auto connection = pickConnection(
                db.value(), create ? positional[1] : parser.value(QStringLiteral("connection")));
            if (!connection) {
                err(QStringLiteral("crmbridgectl: %1").arg(connection.error().message));
                return 1;
            }
            if (create)
                return createFields(db.value(), connection.value());
            return positional[0] == QLatin1String("export")
                ? exportMapping(db.value(), connection.value(), positional[1])
                : importMapping(db.value(), connection.value(), positional[1]);
        }
    };
}

} // namespace Ctl
