package dev.shale.diff;

import dev.shale.change.AddEnumValue;
import dev.shale.change.CreateEnum;
import dev.shale.change.DropEnum;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.EnumType;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * Enum changes: create, drop, and new values placed where they belong. PostgreSQL can add a value
 * before or after an existing one but cannot remove or reorder values: for those the enum is replaced
 * by a new type ({@link EnumReplacement}).
 */
final class EnumDiff {
    private EnumDiff() {}

    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (EnumType now : to.enums()) {
            EnumType old = from.enumType(now.name());
            if (old == null) {
                order.add(Phase.CREATE_ENUM, now.name(), 0, "", new CreateEnum(now));
            } else if (!old.values().equals(now.values())) {
                List<String> kept = now.values().stream().filter(old.values()::contains).toList();
                if (kept.equals(old.values())) {
                    addValues(old, now, order);
                } else {
                    EnumReplacement.add(from, to, old, now, order);
                }
            }
        }
        for (EnumType old : from.enums()) {
            if (to.enumType(old.name()) == null) {
                order.add(Phase.DROP_ENUM, old.name(), 0, "", new DropEnum(old));
            }
        }
    }

    private static void addValues(EnumType old, EnumType now, ChangeOrder order) {
        List<String> values = now.values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (old.values().contains(value)) {
                continue;
            }
            boolean trailing = values.subList(i + 1, values.size()).stream().noneMatch(old.values()::contains);
            AddEnumValue add;
            if (trailing) {
                add = new AddEnumValue(now.name(), value, null, null);
            } else if (i == 0) {
                add = new AddEnumValue(now.name(), value, old.values().get(0), null);
            } else {
                add = new AddEnumValue(now.name(), value, null, values.get(i - 1));
            }
            order.add(Phase.ADD_ENUM_VALUE, now.name(), i, value, add);
        }
    }
}
