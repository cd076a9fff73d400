import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Post } from "./post";

export enum UserRole {
  Admin = "admin",
  Author = "author",
  Reader = "reader",
}

@Entity({ name: "users" })
export class User {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ length: 255, unique: true })
  email!: string;

  @Column()
  displayName!: string;

  @Column({ type: "enum", enum: UserRole, default: UserRole.Reader })
  role!: UserRole;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @OneToMany(() => Post, (post) => post.author)
  posts!: Post[];
}
